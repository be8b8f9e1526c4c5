# coding: UTF_8 (any spelling)
ñ = 'ü'
