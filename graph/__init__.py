"""Graph: the neomodel schema, the writer, exports, and the local Neo4j server."""
