# coding: utf-8
x = 'é'; ét� = 1
