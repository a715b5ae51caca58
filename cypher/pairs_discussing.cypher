// Which pairs of states discussed a sector? Pairs ranked by the number of articles.
// param sector: a sector id of the taxonomy (example: space)
// returns: pair, articles, quotes (up to three)
MATCH (:Sector {id: $sector})<-[r:MENTIONS]-(:Article)
WHERE r.pair IS NOT NULL
WITH r.pair AS pair, count(*) AS articles, collect(r.quote)[..3] AS quotes
RETURN pair, articles, quotes
ORDER BY articles DESC, pair
