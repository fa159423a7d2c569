"""The Image window: segment a picture by the colours of its pixels and watch EM do it.

Modules
-------
window        the view: the panel of controls, the original and segmented pictures, the colour-space tab
controller    the controller: decoding and segmenting as jobs, the newest preview drawn, exports
session       what the window shows, without Qt: the picture, the preview or segmentation, the shown segment
worker        the decoding and segmenting generator jobs
codec         pictures in and out through Qt's image readers and writers (QtGui only: no display needed)
exports       saving the segmented picture, the label maps, the masks and the model, atomically
colour_view   the Colour space tab: the pixels on a chosen pair of colour axes, each segment's ellipses in its colour
compare       before and after: the original over the segmented picture left of a split, and the Original button
preferences   what the Image window remembers across launches (QSettings), and Restore defaults
"""
