"""Document structure: resolutions, sections, paragraphs, headings and history lines."""
