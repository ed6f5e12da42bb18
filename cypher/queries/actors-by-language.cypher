// ---
// id: actors-by-language
// name: Actors by operator language
// category: actors
// description: For each language, the actors whose operators work in it and their attribution countries.
// columns: [language, language_name, actor, countries, confidence]
// ---
MATCH (a:Actor)-[r:USES_LANGUAGE]->(l:Language)
OPTIONAL MATCH (a)-[:LINKED_TO]->(c:Country)
RETURN l.id AS language, l.name AS language_name, a.name AS actor,
       collect(DISTINCT c.id) AS countries, r.confidence AS confidence
ORDER BY language, actor
