// Exports for people rather than tools: CSV for a spreadsheet and a standalone HTML page.
// Layer: formats. Writers only (neither is read back).
#pragma once

#include <string>

#include "engine/core/document.h"

namespace glosa {

// One row per entity after a header row: id,start,end,text,label,value,base form,group,
// status,origin,confidence. RFC 4180: fields with a comma, quote or line break are quoted,
// quotes doubled, rows end in CRLF; UTF-8 without a BOM. start/end are code points. "group"
// is the group's display name. A field that starts with = + @ or a tab gets a leading
// apostrophe so that a spreadsheet shows it as text instead of running it as a formula.
std::string write_csv(const Document& doc);

// One self-contained HTML page: the article with its entities highlighted (label after
// each), the legend, the entity table and the quotations with their speakers. No script, no
// network (a Content-Security-Policy of default-src 'none' says so to the browser), printable
// with its colours. Every piece of the document is escaped; colours are used only when they
// are #rrggbb.
std::string write_html(const Document& doc);

}  // namespace glosa
