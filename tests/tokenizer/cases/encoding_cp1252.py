# coding: cp1252
price = '€ 12 – “quoted” …'
œuvre = ['Š', 'ž', 'Ÿ']
def façade(œ=price):
    return œ + '‰'
