# -*- coding: utf8 -*-
ñ = '日本'
