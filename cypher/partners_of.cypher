// Which states does a state deal with most? Partners ranked by the number of articles whose
// main pair they form with it, then by the meetings and proposals those articles report.
// param state: an ISO3 code or any name or alias (example: RUS)
// returns: partner, name, articles, facts (meetings and proposals in those articles)
MATCH (:State {iso3: $state})<-[:MENTIONS {role: 'actor'}]-(art:Article)
WHERE $state IN art.pair
WITH art, [x IN art.pair WHERE x <> $state][0] AS partner
WITH partner, count(DISTINCT art) AS articles, sum(size(coalesce(art.meeting_spans, [])) + size(coalesce(art.projects, []))) AS facts
MATCH (s:State {iso3: partner})
RETURN partner, s.name AS name, articles, facts
ORDER BY articles DESC, facts DESC, partner
