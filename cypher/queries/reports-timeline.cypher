// ---
// id: reports-timeline
// name: Reports over time
// category: reports
// description: Reports in date order with the actors, techniques and sectors each one names.
// columns: [published, report, publisher, actors, techniques, sectors]
// ---
MATCH (r:Report)
OPTIONAL MATCH (r)-[:MENTIONS]->(a:Actor)
OPTIONAL MATCH (r)-[:MENTIONS]->(t:Technique)
OPTIONAL MATCH (r)-[:MENTIONS]->(s:Sector)
RETURN r.published AS published, r.id AS report, r.publisher AS publisher,
       count(DISTINCT a) AS actors, count(DISTINCT t) AS techniques, count(DISTINCT s) AS sectors
ORDER BY published, report
