"""The EM engine of GMM Explorer: pure numpy and scipy, no Qt.

Modules
-------
errors        the two error types the rest of the program catches
checks        small shared checks: whole numbers, finite reals, tables of real numbers, fresh seeds
scales        robust centres and spreads of data columns, and whether a fit's data fits double precision
blas          one BLAS thread while the engine works, shared safely between threads
covariance    ``CovarianceType`` and the per-type tables of covariance maths
params        ``MixtureParams``: weights, means, covariances and their Cholesky factors
density       log-densities of the components (the direct, per-component reference path)
config        ``FitConfig``: the settings of a fit, validated on construction
init          starting parameters (k-means++, k-means, random, from data, given)
stats         sufficient statistics and the M-step, re-seeding collapsed components
locks         parameters held fixed or tied during EM (constrained M-steps)
acceleration  SQUAREM: extrapolated EM steps where EM crawls, the likelihood never dropping
em            the ``iterate_em`` generator of snapshots (the one EM loop) and ``fit``
model         predict, score, sample, BIC/AIC on fitted parameters
agreement     a fit against true labels: adjusted Rand index, confusion table after Hungarian matching
weights       sample weights: checking them, and the weighted draws of the starts and the re-seeding
presets       generated teaching data sets
palette       the one palette of component colours
resources     finds the files shipped in ``resources/`` (sample pictures, translations, lessons)
progress      progress bars on stderr (tqdm) for passes over data longer than a second
families/     the kinds of mixture the EM loop fits: Gaussians, and binomials (coins)
backends/     the E-step engines behind the ``Backend`` protocol (chunked, direct as reference, streamed, Dask)
io/           files: data tables, streamed data files, the JSON model format, the atomic writer
imaging/      segmenting pictures by the colours of their pixels
selection/    choosing K: a grid of K x covariance types, BIC/AIC/ICL/CV, degenerate cells, the bootstrap LRT
cli/          the headless command line (``fit``, ``predict``, ``score``, ``select``, ``generate``, ``segment``)
"""
