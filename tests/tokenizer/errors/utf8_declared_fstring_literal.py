# coding: utf-8
x = f"{a}ÿ"
