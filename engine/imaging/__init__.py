"""Segmenting pictures: pixels become rows of features, EM fits them, every pixel is labelled and drawn.

No picture codec lives here (the window's and ``main.py``'s is handed in through ``picture.PictureCodec``).

Modules
-------
colour         sRGB and CIE L*a*b* (D65) conversions
features       how pixels become feature rows (colour, optionally position) and which pixels are sampled
picture        a decoded picture as numpy pixels, the size limits, and the codec protocol
segmentation   a robust start, EM on the pixels, every pixel labelled (``segment_image``)
colour_index   a picture's distinct colours and their counts: fit and label each colour once, map back
render         drawing a segmentation: mean colours, a palette, or a soft blend
outputs        the files a segmentation is exported as (labels, masks, the model)
png            8-bit PNG files written with numpy and zlib (the ``segment`` command's picture)
"""
