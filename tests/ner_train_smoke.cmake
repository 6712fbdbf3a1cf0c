# Trains a tiny NER model (with a tiny window network, its weight picked on nkjp-dev) on a
# few hundred NKJP records (seconds), checks that the same
# seed gives identical bytes, and that `glosa-cli eval` loads it and prints scores.
# Inputs: -DTRAIN=glosa-train -DCLI=glosa-cli -DDATA=the training data folder (GLOSA_DATA) -DOUT=scratch dir
# Run by tests/data-checks.sh (it needs the training data, which the repository does not hold).
set(data "${DATA}/ner/pl")
if(NOT EXISTS "${data}/nkjp-train.jsonl")
  message(FATAL_ERROR "${data}/nkjp-train.jsonl is not there: set GLOSA_DATA to the training data folder")
endif()
file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}/a" "${OUT}/b")
foreach(run a b)
  execute_process(
    COMMAND "${TRAIN}" --lang pl --train "nkjp:${data}/nkjp-train.jsonl" --limit 300 --epochs 2
            --bucket-bits 16 --gazetteers "${DATA}/gazetteers" --second-pass --bilou --train-margin 8
            --names 2 --window-net 12,8,16,1 --dev "nkjp:${data}/nkjp-dev.jsonl"
            --out "${OUT}/${run}/ner-pl.bin"
            --quiet
    RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "glosa-train failed (${rc}): ${err}")
  endif()
endforeach()
file(SHA256 "${OUT}/a/ner-pl.bin" ha)
file(SHA256 "${OUT}/b/ner-pl.bin" hb)
if(NOT ha STREQUAL hb)
  message(FATAL_ERROR "training is not deterministic: ${ha} != ${hb}")
endif()
execute_process(
  COMMAND "${CLI}" eval "${data}/nkjp-dev.jsonl" --scheme nkjp --models "${OUT}/a" --limit 200
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "micro" OR NOT out MATCHES "ner-pl.bin")
  message(FATAL_ERROR "glosa-cli eval failed (${rc}):\n${out}\n${err}")
endif()
string(REGEX MATCH "micro +[0-9]+ +[0-9]+ +[0-9.]+ +[0-9.]+ +([0-9.]+)" m "${out}")
message(STATUS "tiny model on 200 dev records: micro F1 ${CMAKE_MATCH_1}")
if(CMAKE_MATCH_1 LESS 0.2)
  message(FATAL_ERROR "the tiny model finds almost nothing:\n${out}")
endif()
