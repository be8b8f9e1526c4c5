#!/usr/bin/env python3
# -*- coding: UTF-8 -*-
x = "ÿ"
