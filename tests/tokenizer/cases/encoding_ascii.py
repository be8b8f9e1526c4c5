# -*- coding: ascii -*-
x = 'plain'
