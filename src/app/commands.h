// Every action of the toolbar, its menus and the panels as a named command, so that each is
// reachable without a mouse: the command palette (Ctrl+K, command_palette.cpp) lists them
// for the keyboard, and the page's accessible mirror shows them as buttons for screen
// readers (web/glosa-web.js, through the bridge). A command runs the same function its
// button calls, so the two ways cannot drift apart. Layer: app.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "app/app_state.h"

namespace glosa::app {

struct UiResources;

struct Command {
  std::string id;      // stable: "done", "export:csv", "language:pl", "document:<session id>"
  std::string title;   // what the palette and the mirror show: "Export as CSV"
  std::string keys;    // its shortcut, empty if none: "Ctrl+S"
  // Left out of the mirror: what only changes the picture (panels, hidden labels, the
  // overlays) and the "Go to …" of every document (a collection may hold thousands; the
  // mirror has a button per command).
  bool palette_only = false;
  std::function<void(AppState&, UiResources&)> run;
  // A command that cannot be undone asks first: run opens the app's question; the mirror
  // asks `question` with the browser's own dialog instead (a screen reader reads that one)
  // and then calls `confirmed`.
  std::string question;
  std::function<void(AppState&, UiResources&)> confirmed;
};

// The commands that can run now, in the order the palette lists them (the open document's
// first, then the collection's, then the view's). Disabled ones are not listed; nor, without
// `each_document`, the one-per-document ones (a collection may hold thousands).
std::vector<Command> available_commands(AppState& state, UiResources& ui, bool each_document = true);

// Runs the available command `id` (`confirmed`: its question was answered yes elsewhere, so
// it acts at once). False (nothing done) when no such command can run now: the state moved
// on since the list was shown (the mirror's buttons are a little behind).
bool run_command(AppState& state, UiResources& ui, std::string_view id, bool confirmed = false);

// True when every word of `query` (case and diacritics ignored: "jezyk" finds "Język")
// occurs in the command's title or its keys. An empty query matches every command.
bool command_matches(const Command& command, std::string_view query);

// The available commands as JSON for the mirror: [{"id", "title", "keys", "question"}, ...]
// ("question" only when it asks first), without the palette-only ones.
std::string commands_json(AppState& state, UiResources& ui);

}  // namespace glosa::app
