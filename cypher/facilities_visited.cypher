// Which facilities and places in a state did leaders visit or meet at?
// param state: the host state, an ISO3 code or any name or alias (example: RUS)
// returns: facility, kind, visits (resolved visits), meetings (resolved meetings), articles (reporting either), visitors (up to ten)
MATCH (f:Facility {state: $state})
// Each place's resolved visits and meetings, the articles reporting them and its travellers are
// counts the writers keep (graph/events.py ``tally_keys``, graph/write.py ``_SHARES``): no edge
// per report is read (a place of the busiest state has tens of thousands)
CALL (f) {
  OPTIONAL MATCH (t:Tally {kind: 'facility', of: f.id})
  RETURN sum(CASE t.other WHEN 'visits' THEN t.articles ELSE 0 END) AS visits,
         sum(CASE t.other WHEN 'meetings' THEN t.articles ELSE 0 END) AS meetings,
         sum(CASE t.other WHEN 'articles' THEN t.articles ELSE 0 END) AS articles
}
WITH f, visits, meetings, articles WHERE visits + meetings > 0
CALL (f) {
  // the travellers who visited it, each counted once
  MATCH (t:Tally {kind: 'visitor', of: f.id})
  MATCH (l:Leader {id: t.other})
  WITH DISTINCT l ORDER BY l.name LIMIT 10
  RETURN collect(l.name) AS visitors
}
RETURN f.name AS facility, f.kind AS kind, visits, meetings, articles, visitors
ORDER BY visits + meetings DESC, facility
