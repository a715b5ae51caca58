// Which states does a state deal with most? Partners ranked by the number of articles whose
// main pair they form with it, and the facts those articles report.
// param state: an ISO3 code or any name or alias (example: RUS)
// returns: partner, name, articles, facts
MATCH (art:Article)
WHERE $state IN art.pair
WITH art, [x IN art.pair WHERE x <> $state][0] AS partner
WHERE partner IS NOT NULL
OPTIONAL MATCH ()-[r:MET_AT|VISITS|PROPOSES {article: art.id}]->()
WITH partner, count(DISTINCT art) AS articles, count(r) AS facts
MATCH (s:State {iso3: partner})
RETURN partner, s.name AS name, articles, facts
ORDER BY articles DESC, facts DESC, partner
