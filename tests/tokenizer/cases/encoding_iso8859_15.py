#coding=iso-8859-15
euro = '€'; œ = 'Œ' + euro  # 0xA4 is now €
