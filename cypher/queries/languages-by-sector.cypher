// ---
// id: languages-by-sector
// name: Operator languages by targeted sector
// category: chains
// description: For each targeted sector, the languages its attackers work in and how many actors each covers.
// columns: [sector, language, language_name, actors, actor_names]
// ---
MATCH (a:Actor)-[:USES_LANGUAGE]->(l:Language), (a)-[:TARGETS]->(s:Sector)
RETURN s.id AS sector, l.id AS language, l.name AS language_name,
       count(DISTINCT a) AS actors, collect(DISTINCT a.name) AS actor_names
ORDER BY sector, actors DESC, language
