# -*- coding: latin-1 -*-
# Un commentaire accentué : à la française
café = 'naïve'; ü = "Größe"
señal = café + ü  # ñ
x = f'{señal}½' r'\é'
