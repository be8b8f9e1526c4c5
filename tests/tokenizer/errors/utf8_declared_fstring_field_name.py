# coding: utf-8
x = f"abc{bbÿ}"
