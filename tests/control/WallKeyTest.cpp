#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <set>

#include "engine/control/WallKey.h"
#include "engine/control/WallKeyFile.h"
#include "tests/support/TempFolder.h"

namespace hw::test {
namespace {

namespace fs = std::filesystem;

TEST(WallKey, ComparesWholeKeys) {
  EXPECT_TRUE(wallKeysEqual("abc123", "abc123"));
  EXPECT_FALSE(wallKeysEqual("abc124", "abc123"));
  EXPECT_FALSE(wallKeysEqual("abc12", "abc123"));
  EXPECT_FALSE(wallKeysEqual("abc1234", "abc123"));
  EXPECT_FALSE(wallKeysEqual("", ""));  // an empty key never opens anything
}

TEST(WallKey, ReadsBearerTokens) {
  EXPECT_EQ(bearerToken("Bearer k1"), "k1");
  EXPECT_EQ(bearerToken("bearer   k1 "), "k1");
  EXPECT_EQ(bearerToken("Basic k1"), std::nullopt);
  EXPECT_EQ(bearerToken("Bearer "), std::nullopt);
  EXPECT_EQ(bearerToken(""), std::nullopt);
}

TEST(WallKey, GeneratesDistinctHexKeys) {
  std::set<std::string> keys;
  for (int i = 0; i < 20; ++i) keys.insert(generateWallKey());
  EXPECT_EQ(keys.size(), 20u);
  for (const std::string& key : keys) {
    EXPECT_EQ(key.size(), 32u);
    EXPECT_EQ(key.find_first_not_of("0123456789abcdef"), std::string::npos);
  }
}

TEST(WallKeyFile, CreatesAnOwnerOnlyKeyOnceAndKeepsIt) {
  TempFolder folder("hyperwall-state");
  fs::path state = folder.path() / "state";
  WallKeyFile first = loadOrCreateWallKey(state);
  EXPECT_TRUE(first.created);
  struct stat info {};
  ASSERT_EQ(::stat(first.path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  ASSERT_EQ(::stat(state.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0700u);

  WallKeyFile second = loadOrCreateWallKey(state);
  EXPECT_FALSE(second.created);
  EXPECT_EQ(second.key, first.key);
}

TEST(WallKeyFile, RefusesAKeyOthersCanRead) {
  TempFolder folder("hyperwall-state");
  WallKeyFile key = loadOrCreateWallKey(folder.path());
  fs::permissions(key.path, fs::perms::group_read, fs::perm_options::add);
  try {
    loadOrCreateWallKey(folder.path());
    FAIL() << "a group-readable key was accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("open to other users (mode 640)"), std::string::npos)
        << e.what();
  }
}

TEST(WallKeyFile, RefusesAFileThatHoldsNoKey) {
  TempFolder folder("hyperwall-state");
  fs::path file = wallKeyPath(folder.path());
  std::ofstream(file) << "two words\n";
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
  EXPECT_THROW(readWallKey(file), std::runtime_error);
}

}  // namespace
}  // namespace hw::test
