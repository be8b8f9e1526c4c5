#!/usr/bin/env python3
# nothing here
# coding: latin-1
y = 'ü'
