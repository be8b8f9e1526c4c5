#!/usr/bin/env python3
# vim: set fileencoding=koi8-r :
привет = 'мир'
if привет:
    ответ = (привет,
             'Ёж')
