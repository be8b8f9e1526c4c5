# coding: utf-8
x = r"ab\ÿ"
