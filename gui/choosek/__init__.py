"""Choose K in the window: a model selection over K x covariance types, filled live, any cell put on the canvas.

``KChooser`` (made by ``gui.app.create_window``) adds Run > Choose K… (Ctrl+K) and the Choose K panel: the
selection (``engine.selection.iterate_selection``) runs as a ``gui.threads`` job on the data on screen, one
line per covariance type over K for the chosen criterion and a ranked table fill in as cells finish, and a
click on a point or a row puts that cell's model on the canvas.

Modules
-------
chooser       the action, the panel, the selection job, stale results, a cell put on the canvas
board         what the view shows of one run, without Qt: cells by grid index (a refined one replaces), ranking
view          the panel's content: settings, Choose and Stop, progress, the criterion, the plot and the table
plot          one line per covariance type over K, the best ringed, degenerate cells hollow; clicks pick a cell
table         every finished cell ranked by the criterion with its difference to the best; clicks pick a cell
"""
