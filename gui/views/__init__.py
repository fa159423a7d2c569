"""What the windows draw: plots and canvas items that own their pyqtgraph items and only draw.

Modules
-------
canvas        the 2-D canvas: points coloured by responsibility, ellipses, means, the density
histogram     the 1-D view: a histogram with each weighted component density and the mixture
convergence   the convergence plot: mean log-likelihood per half-step and its change against tol
explain       the Explain panel: formulas with their numbers, the hovered point, why EM stopped, the M-step's moves
explain_text  the Explain panel's and the tooltips' texts: E-step, M-step before -> after, locks, stop reason
hover         the point and the mean under the cursor (2-D canvas and 1-D rug); a mean's tooltip
parameters_table  the parameters as a live table (weights, means, covariances, log-likelihood, BIC, AIC), copyable
restarts      the restarts strip: each start's final log-likelihood, clickable
legend        a legend of components beside a plot, and the plot-with-legend pane
axes          plot axes that lay their label out only when its text changes
hand_edit     components by hand: drag a mean or an ellipse's handle, add or remove components
paint         painting data with a brush, erasing it, and undoable data edits
geometry      mixture parameters turned into shapes: ellipses, density grids, contours, histograms
projection    which plane of the data is shown: two features or the first two principal components
raster        many points drawn as one image splatted with numpy
"""
