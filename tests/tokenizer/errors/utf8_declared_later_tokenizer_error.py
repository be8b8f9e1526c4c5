# coding: utf-8
x = "ÿ"
y = 1_
