# coding: utf-8
x = "a\tbä¸­cÿþ"
