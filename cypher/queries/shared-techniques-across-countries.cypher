// ---
// id: shared-techniques-across-countries
// name: Techniques shared across countries
// category: techniques
// description: Techniques used by actors linked to two or more different countries.
// columns: [technique, name, country_count, countries, actors]
// ---
MATCH (a:Actor)-[:USES]->(t:Technique), (a)-[:LINKED_TO]->(c:Country)
WITH t, collect(DISTINCT c.id) AS countries, count(DISTINCT a) AS actors
WHERE size(countries) >= 2
RETURN t.id AS technique, t.name AS name, size(countries) AS country_count, countries, actors
ORDER BY country_count DESC, actors DESC, technique
