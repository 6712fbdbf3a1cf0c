// Names of error codes. Layer: engine/core.
#include "engine/core/error.h"

namespace glosa {

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::Ok: return "Ok";
    case ErrorCode::InvalidUtf8: return "InvalidUtf8";
    case ErrorCode::TextTooLarge: return "TextTooLarge";
    case ErrorCode::EmptyText: return "EmptyText";
    case ErrorCode::JsonSyntax: return "JsonSyntax";
    case ErrorCode::NotGlosaFile: return "NotGlosaFile";
    case ErrorCode::UnsupportedVersion: return "UnsupportedVersion";
    case ErrorCode::MissingField: return "MissingField";
    case ErrorCode::WrongType: return "WrongType";
    case ErrorCode::BadOffsets: return "BadOffsets";
    case ErrorCode::TextMismatch: return "TextMismatch";
    case ErrorCode::ChecksumMismatch: return "ChecksumMismatch";
    case ErrorCode::UnknownLabel: return "UnknownLabel";
    case ErrorCode::DuplicateId: return "DuplicateId";
    case ErrorCode::BadModel: return "BadModel";
    case ErrorCode::BadModelVersion: return "BadModelVersion";
    case ErrorCode::BadArgument: return "BadArgument";
    case ErrorCode::IoError: return "IoError";
    case ErrorCode::BadReference: return "BadReference";
    case ErrorCode::BadText: return "BadText";
    case ErrorCode::BadArchive: return "BadArchive";
  }
  return "Unknown";
}

}  // namespace glosa
