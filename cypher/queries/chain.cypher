// ---
// id: chain
// name: Actor → language → sector → technique
// category: chains
// description: The analyst's chain, one row per actor, operator language, targeted sector and technique, optionally narrowed to one sector or one language.
// parameters:
//   - {name: sector, type: sector, default: "", description: "a sector: id, name or synonym (semiconductors, chip makers); empty for all"}
//   - {name: language, type: language, default: "", description: "a language: ISO 639-1 code or name (zh, Chinese); empty for all"}
//   - {name: min_confidence, type: int, default: 0, description: "drop facts below this confidence"}
// columns: [actor, language, sector, technique, technique_name, confidence]
// ---
MATCH (a:Actor)-[rl:USES_LANGUAGE]->(l:Language),
      (a)-[rs:TARGETS]->(s:Sector),
      (a)-[rt:USES]->(t:Technique)
WHERE ($sector = '' OR s.id = $sector)
  AND ($language = '' OR l.id = $language)
  AND rl.confidence >= $min_confidence AND rs.confidence >= $min_confidence
  AND rt.confidence >= $min_confidence
RETURN a.name AS actor, l.id AS language, s.id AS sector, t.id AS technique,
       t.name AS technique_name, rt.confidence AS confidence
ORDER BY actor, language, sector, technique
