"""Choosing K: model selection over numbers of components x covariance types, by the one EM loop.

``iterate_selection`` fits every cell of a grid (each cell a normal fit by ``engine.em.iterate_em``),
scores it (BIC, AIC, ICL, cross-validated held-out log-likelihood), marks degenerate fits and chooses the
best non-degenerate cell, yielding immutable events as it goes; ``iterate_bootstrap_lrt`` is mclust's
sequential bootstrap likelihood-ratio test for one covariance type.

Modules
-------
grid        SelectionConfig (the grid and the fitting settings) and the parsers of --k and --covariance
criteria    BIC, AIC, ICL, folds, held-out log-likelihood and the degenerate rule
results     the events: CellProgress, CellResult, SelectionResult
cells       one cell: starts, continuation (screening or tight), criteria, cross-validation; refinement
screening   which screened cells can still decide the choice and are refined to the tight tolerance
pool        independent tasks on worker processes, stoppable, fork-safe
run         iterate_selection: the grid as a generator of events, serial or parallel
streamed    the cells' data read block by block from a file larger than memory
lrt         the sequential bootstrap likelihood-ratio test (K against K + 1)
"""
