// NerModel: not yet trained; loading refuses every buffer until the tagger lands (#4).
// Layer: engine/tagger.
#include "engine/tagger/ner_model.h"

namespace glosa {

struct NerModel::Impl {
  std::string lang;
  std::string name;
};

NerModel::NerModel() : impl_(std::make_unique<Impl>()) {}
NerModel::~NerModel() = default;
NerModel::NerModel(NerModel&&) noexcept = default;
NerModel& NerModel::operator=(NerModel&&) noexcept = default;

Result<std::shared_ptr<const NerModel>> NerModel::load(const uint8_t*, size_t) {
  return Status(ErrorCode::BadModel, "model loading is not implemented yet");
}

const std::string& NerModel::lang() const { return impl_->lang; }
const std::string& NerModel::name() const { return impl_->name; }

void NerModel::tag(std::string_view, const std::vector<Token>&, const std::vector<Sentence>&,
                   std::vector<Entity>*) const {}

}  // namespace glosa
