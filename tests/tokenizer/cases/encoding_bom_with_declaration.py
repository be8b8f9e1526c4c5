# -*- coding: utf-8 -*-
ü = 'ü'
