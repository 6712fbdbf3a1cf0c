// libFuzzer target: the readers of every interchange format (brat, CoNLL, spaCy, doccano,
// Label Studio, W3C) and the content sniffing behind Open. The first byte picks the format;
// for the formats read beside a text, the input splits at the first NUL into the text and the
// annotation file. A document an importer accepts must be one the Glosa file reader accepts
// too (every check of FORMAT.md), and exporting it in every format must not fail.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "formats/annotation_json.h"
#include "formats/exchange.h"
#include "fuzz_support.h"

namespace {

constexpr glosa::ExchangeFormat kReadable[] = {
    glosa::ExchangeFormat::Brat,    glosa::ExchangeFormat::Conll,       glosa::ExchangeFormat::Spacy,
    glosa::ExchangeFormat::Doccano, glosa::ExchangeFormat::LabelStudio, glosa::ExchangeFormat::W3c,
};

constexpr glosa::ExchangeFormat kWritable[] = {
    glosa::ExchangeFormat::Glosa,       glosa::ExchangeFormat::Brat, glosa::ExchangeFormat::Conll,
    glosa::ExchangeFormat::Spacy,       glosa::ExchangeFormat::Doccano,
    glosa::ExchangeFormat::LabelStudio, glosa::ExchangeFormat::W3c,  glosa::ExchangeFormat::Csv,
    glosa::ExchangeFormat::Html,
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const glosa::ExchangeFormat format = kReadable[data[0] % (sizeof(kReadable) / sizeof(kReadable[0]))];
  std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  (void)glosa::detect_format("plik.ann", rest);
  (void)glosa::detect_format("plik.json", rest);

  std::optional<std::string_view> text;
  const size_t split = rest.find('\0');
  if (split != std::string_view::npos) {
    text = rest.substr(0, split);
    rest = rest.substr(split + 1);
  } else if (glosa::needs_text(format) && format != glosa::ExchangeFormat::Conll) {
    text = std::string_view();
  }
  auto docs = glosa::import_documents(format, rest, text);
  if (!docs.is_ok()) {
    glosa::fuzz::require(!docs.status().message().empty(), "a refused file has a message");
    return 0;
  }
  for (const glosa::Document& doc : docs.value()) {
    const std::string written = glosa::write_document(doc, -1);
    auto again = glosa::read_document(written);
    if (!again.is_ok()) std::fprintf(stderr, "%s\n", again.status().message().c_str());
    glosa::fuzz::require(again.is_ok(), "an imported document is a valid Glosa document");
    for (glosa::ExchangeFormat out : kWritable) {
      const glosa::Exported exported = glosa::export_document(doc, out);
      glosa::fuzz::require(!exported.files.empty(), "every format writes a file");
    }
  }
  return 0;
}
