package io.seedfleet.core.definition;

/** One definition read from a file, with where each of its values was written (for the checker's messages). */
public record DefinitionDocument(DataDefinition definition, DefinitionLocations locations) {}
