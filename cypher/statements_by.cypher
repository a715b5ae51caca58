// What did a leader, or the leaders of a state, say? Reported statements with the channel
// they were made on, when the article names one.
// param who: a leader (name in any language) or a state (ISO3, name or alias) (example: Vladimir Putin)
// returns: speaker, quote, via, published, article
CALL () {
  MATCH (l:Leader {id: $who}) RETURN l
  UNION
  MATCH (l:Leader {state: $who}) RETURN l
}
MATCH (l)-[s:STATED]->(art:Article)
RETURN l.name AS speaker, s.quote AS quote, s.via AS via, art.published AS published, art.id AS article
ORDER BY published, speaker
