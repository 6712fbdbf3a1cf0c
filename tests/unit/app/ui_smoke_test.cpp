// Headless UI smoke test: every panel is drawn for a few frames on ImGui's null backend
// (no GPU): start screen, a document with entities, hidden labels, a selection, an error.
#include <doctest/doctest.h>

#include <imgui.h>

#include "app/ui.h"
#include "test_support.h"

using namespace glosa;
using namespace glosa::app;

namespace {

void render_frames(AppState& state, UiResources& ui, int n) {
  for (int i = 0; i < n; ++i) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1200, 800);
    io.DeltaTime = 1.0f / 60.0f;
    io.MousePos = ImVec2(300, 200);
    ImGui::NewFrame();
    draw_frame(state, ui);
    ImGui::Render();
  }
}

}  // namespace

TEST_CASE("ui: every panel draws on the null backend with and without a document") {
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;
  UiResources ui;
  const bool fonts = setup_fonts(ui, "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                                 "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 1.0f);
  CHECK(fonts);
  apply_theme(1.0f);
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  // Polish and Cyrillic glyphs are in the atlas.
  CHECK(ui.text_font->FindGlyphNoFallback(0x017C) != nullptr);  // ż
  CHECK(ui.text_font->FindGlyphNoFallback(0x0416) != nullptr);  // Ж
  CHECK(ui.text_font->FindGlyphNoFallback(0x201E) != nullptr);  // „

  Engine engine;
  AppState state;
  state.engine = &engine;
  state.sample_text = "Sample 5%";
  render_frames(state, ui, 3);  // start screen

  const std::string text = test::read_file(test::shared_path("samples/pl-news-tokajew-moskwa.txt"));
  REQUIRE(load_text(state, text, "sample").is_ok());
  render_frames(state, ui, 3);
  CHECK(ui.layout.lines.size() > 10);
  CHECK(ui.layout_revision == state.doc_revision);

  state.hidden_labels["DATE"] = true;
  select_entity(state, 0);
  state.show_open_dialog = true;
  render_frames(state, ui, 3);
  load_text(state, "", "clipboard");  // an error banner
  render_frames(state, ui, 2);
  CHECK(state.message_kind == MessageKind::Error);
  ImGui::DestroyContext();
}
