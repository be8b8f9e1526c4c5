# coding: utf-8
x = """a
bÿ"""
