import statistics as st
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.fmean(data), st.median(data), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.mode(data), st.multimode('aabbc'))
print(st.pstdev(data), st.stdev(data), st.pvariance(data), st.variance(data), st.geometric_mean([1, 2, 4]), st.harmonic_mean([40, 60]))
print(st.quantiles(range(1, 101), n=4), st.median_grouped([1, 2, 2, 3, 4]), st.mean([1.5, 2.5]), st.mean([__import__('fractions').Fraction(1, 3), 1]))
print(st.correlation([1, 2, 3, 4], [2, 4, 6, 9]), st.covariance([1, 2, 3], [1, 2, 4]), st.linear_regression([1, 2, 3], [2, 4, 6]))
nd = st.NormalDist(100, 15)
print(nd.mean, nd.stdev, round(nd.cdf(115), 6), round(nd.inv_cdf(0.5), 6), round(nd.pdf(100), 8), nd.quantiles(4) if False else 'skip')
try:
    st.mean([])
except st.StatisticsError as e:
    print('StatisticsError', e)
