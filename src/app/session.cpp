// Document sessions: status names, summaries. Layer: app.
#include "app/session.h"

#include "app/app_state.h"

namespace glosa::app {

const char* document_status_name(DocumentStatus status) {
  switch (status) {
    case DocumentStatus::New: return "new";
    case DocumentStatus::InProgress: return "in progress";
    case DocumentStatus::Done: return "done";
  }
  return "new";
}

bool parse_document_status(std::string_view name, DocumentStatus* status) {
  if (name == "new") *status = DocumentStatus::New;
  else if (name == "in progress") *status = DocumentStatus::InProgress;
  else if (name == "done") *status = DocumentStatus::Done;
  else return false;
  return true;
}

bool DocumentDecisions::operator==(const DocumentDecisions& o) const {
  if (labels.size() != o.labels.size() || !(person == o.person)) return false;
  for (size_t i = 0; i < labels.size(); ++i) {
    if (labels[i].name != o.labels[i].name || labels[i].color != o.labels[i].color ||
        labels[i].description != o.labels[i].description || labels[i].renamed_from != o.labels[i].renamed_from) {
      return false;
    }
  }
  return true;
}

void update_status(DocumentSession& session) {
  if (session.is_done) {
    session.status = DocumentStatus::Done;
    return;
  }
  bool touched = session.edit_count > 0;
  for (const Entity& e : session.doc.entities) {
    if (touched) break;
    touched = e.status != ReviewStatus::Unreviewed || e.origin == Origin::Person;
  }
  session.status = touched ? DocumentStatus::InProgress : DocumentStatus::New;
}

DocumentSummary summarize(const DocumentSession& session) {
  DocumentSummary s;
  s.id = session.id;
  s.title = document_title(session.doc);
  s.lang = session.doc.lang;
  s.entities = session.doc.entities.size();
  for (const Entity& e : session.doc.entities) {
    if (e.status != ReviewStatus::Unreviewed) ++s.reviewed;
  }
  s.status = session.status;
  return s;
}

}  // namespace glosa::app

namespace glosa::app {

const DocumentSummary& cached_summary(DocumentSession& session) {
  if (session.summary_revision != session.revision) {
    session.summary = summarize(session);
    session.summary_revision = session.revision;
  }
  return session.summary;
}

}  // namespace glosa::app
