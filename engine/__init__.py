"""The EM engine of GMM Explorer: pure numpy and scipy, no Qt.

Modules
-------
errors       the two error types the rest of the program catches
covariance   ``CovarianceType`` and the per-type tables of covariance maths
params       ``MixtureParams``: weights, means, covariances and their Cholesky factors
density      log-densities of the components (the direct, per-component reference path)
config       ``FitConfig``: the settings of a fit, validated on construction
init         starting parameters (k-means++, k-means, random, from data, given)
em           E-step, M-step and the ``iterate_em`` generator of snapshots
model        predict, score, sample, BIC/AIC on fitted parameters
model_io     the JSON model format, version 1
data         loading CSV and ``.npy`` data
presets      generated teaching data sets
"""
