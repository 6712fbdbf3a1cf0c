// Trains the window network (engine/tagger/window_net.h) on the tagger's training units:
// softmax over the model's tags for each token, Adam for the dense layers and row-wise
// Adagrad for the hashed embeddings, dropout on the window. Single-threaded and seeded, so
// the same data and options give the same bytes. Layer: train (native only).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/tagger/window_net.h"
#include "engine/text/tokenizer.h"

namespace glosa::train {

struct NetTrainOptions {
  uint32_t bucket_bits = 16;
  uint32_t dims = 16;
  uint32_t hidden = 64;
  int epochs = 5;
  float learning_rate = 1e-3f;  // Adam; embeddings: 20 times this with Adagrad
  float dropout = 0.25f;        // on the window's input
  uint64_t seed = 1;
  bool verbose = true;
};

// The training tokens, unit by unit, as the tagger's trainer sees them.
struct NetTrainData {
  std::vector<std::string_view> form;  // token text (borrows the examples' texts)
  std::vector<TokenKind> kind;
  std::vector<uint8_t> gold;           // gold tag
  std::vector<uint8_t> free_tag;       // 1: no target (inside a span of an ignored class)
  std::vector<size_t> unit_off;        // unit u: tokens [unit_off[u], unit_off[u + 1])
  std::vector<uint64_t> unknown;       // unit u: tags of classes its corpus does not annotate
                                       //   (over gold O, they count as right too)
};

// Trains a network for `tags` output tags. beta and skip_margin are left 0 (the caller
// picks them on dev).
ner::WindowNet train_window_net(const NetTrainData& data, size_t tags, const NetTrainOptions& options);

}  // namespace glosa::train
