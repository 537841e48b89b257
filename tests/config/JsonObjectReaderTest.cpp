#include <gtest/gtest.h>

#include "config/InputError.h"
#include "config/JsonObjectReader.h"

namespace hw {
namespace {

nlohmann::json doc() {
  return {{"count", 3}, {"ratio", 0.5}, {"name", "x"}, {"on", true}, {"inner", {{"a", 1}}},
          {"list", {1, 2}}, {"a/b", 1}};
}

std::string errorOf(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(JsonObjectReader, ReadsTypedFieldsWithDefaults) {
  nlohmann::json d = doc();
  JsonObjectReader r(d, "f.json", "");
  EXPECT_EQ(r.integer("count", 0, 10), 3);
  EXPECT_EQ(r.integer("missing", 7, 0, 10), 7);
  EXPECT_DOUBLE_EQ(r.number("ratio", 0, 1), 0.5);
  EXPECT_EQ(r.string("name"), "x");
  EXPECT_TRUE(r.boolean("on", false));
  EXPECT_EQ(r.object("inner").integer("a", 0, 5), 1);
  EXPECT_EQ(r.array("list").size(), 2u);
  EXPECT_TRUE(r.array("nothing").empty());
}

TEST(JsonObjectReader, ErrorsNameFileAndPointer) {
  nlohmann::json d = doc();
  JsonObjectReader r(d, "f.json", "/root");
  EXPECT_EQ(errorOf([&] { r.integer("count", 5, 9); }),
            "f.json: /root/count: must be between 5 and 9 (got 3)");
  EXPECT_EQ(errorOf([&] { r.integer("ratio", 0, 9); }),
            "f.json: /root/ratio: expected an integer, got a number");
  EXPECT_EQ(errorOf([&] { r.string("count"); }),
            "f.json: /root/count: expected a string, got an integer");
  EXPECT_EQ(errorOf([&] { r.string("absent"); }), "f.json: /root/absent: required field is missing");
  EXPECT_EQ(errorOf([&] { r.object("list"); }), "f.json: /root/list: expected an object, got an array");
  EXPECT_EQ(errorOf([&] { r.integer("a/b", 5, 9); }),
            "f.json: /root/a~1b: must be between 5 and 9 (got 1)");
}

TEST(JsonObjectReader, UnknownKeysAreRefusedWithASuggestion) {
  nlohmann::json d = {{"duration", 1}, {"durtion", 2}, {"zzz", 3}};
  JsonObjectReader r(d, "s.hwshow", "");
  r.integer("duration", 0, 10);
  EXPECT_EQ(errorOf([&] { r.rejectUnknownKeys({"zzz"}); }),
            "s.hwshow: /durtion: unknown field \"durtion\" (did you mean \"duration\"?)");
  nlohmann::json far = {{"qqqqqq", 1}};
  JsonObjectReader r2(far, "s.hwshow", "");
  EXPECT_EQ(errorOf([&] { r2.rejectUnknownKeys(); }), "s.hwshow: /qqqqqq: unknown field \"qqqqqq\"");
}

TEST(JsonObjectReader, NonFiniteAndOutOfRangeNumbersAreRefused) {
  nlohmann::json d = {{"seconds", -1.5}};
  JsonObjectReader r(d, "s", "");
  EXPECT_EQ(errorOf([&] { r.number("seconds", 0, 86400); }),
            "s: /seconds: must be between 0.0 and 86400.0 (got -1.5)");
}

}  // namespace
}  // namespace hw
