// Unit tests for the allocation-free numeric helpers: CPython's numeric hash
// for floats and small ints, and exact int-vs-float comparison of small ints.
// Expected hashes were produced with python3.11's hash().
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "bytecode/opcodes.h"
#include "objects/float.h"
#include "objects/int.h"

namespace {

using gilpy::Value;

struct FloatHashCase { double value; int64_t hash; };
const FloatHashCase kFloatHashes[] = {
    {0.5, 1152921504606846976LL},
    {-0.5, -1152921504606846976LL},
    {1.5, 1152921504606846977LL},
    {1e-300, 482449582752280463LL},
    {1.1805916207174113e+21, 512LL},
    {1e+308, 156575653125701LL},
    {5e-324, 16777216LL},
    {-1.0, -2LL},
    {3.141592653589793, 326490430436040707LL},
    {1e+100, 1822893315824342674LL},
    {-2.5e-10, -699647011998930896LL},
    {123456789.0, 123456789LL},
    {2.305843009213694e+18, 1LL},
    {4.611686018427388e+18, 2LL},
    {0.1, 230584300921369408LL},
    {0.0, 0LL},
    {-0.0, 0LL},
};

TEST(FloatHash, MatchesCPython) {
  for (const auto& c : kFloatHashes) EXPECT_EQ(gilpy::float_hash(c.value), c.hash) << c.value;
  EXPECT_EQ(gilpy::float_hash(std::numeric_limits<double>::infinity()), 314159);
  EXPECT_EQ(gilpy::float_hash(-std::numeric_limits<double>::infinity()), -314159);
}

struct IntHashCase { int64_t value; int64_t hash; };
const IntHashCase kIntHashes[] = {
    {0LL, 0LL},
    {1LL, 1LL},
    {-1LL, -2LL},
    {-2LL, -2LL},
    {2305843009213693950LL, 2305843009213693950LL},
    {2305843009213693951LL, 0LL},
    {2305843009213693952LL, 1LL},
    {-2305843009213693952LL, -2LL},
    {4611686018427387903LL, 1LL},
    {-4611686018427387904LL, -2LL},
};

TEST(IntHash, SmallIntsMatchCPython) {
  for (const auto& c : kIntHashes) EXPECT_EQ(gilpy::int_hash(Value::small(c.value)), c.hash) << c.value;
}

TEST(IntHash, IntegralFloatsHashLikeInts) {
  for (int64_t v : {int64_t(0), int64_t(7), int64_t(-7), int64_t(1) << 53, -(int64_t(1) << 60), int64_t(3) << 58})
    EXPECT_EQ(gilpy::float_hash(double(v)), gilpy::int_hash(Value::small(v))) << v;
}

TEST(IntCmpDouble, ExactForSmallInts) {
  const int64_t p53 = int64_t(1) << 53;
  EXPECT_EQ(gilpy::int_cmp_double(Value::small(p53 + 1), 9007199254740992.0), 1);
  EXPECT_EQ(gilpy::int_cmp_double(Value::small(p53), 9007199254740992.0), 0);
  EXPECT_EQ(gilpy::int_cmp_double(Value::small(-p53 - 1), -9007199254740992.0), -1);
  EXPECT_EQ(gilpy::int_cmp_double(Value::small(3), 2.5), 1);
  EXPECT_EQ(gilpy::int_cmp_double(Value::small(-3), -2.5), -1);
  EXPECT_EQ(gilpy::int_cmp_double(Value::small(int64_t(1) << 62 >> 1), 4.7e18), -1);
  EXPECT_EQ(gilpy::int_cmp_double(Value::small(Value::kSmallMax), 4611686018427387904.0), -1);
  EXPECT_EQ(gilpy::int_cmp_double(Value::small(Value::kSmallMin), -4611686018427387904.0), 0);
  EXPECT_EQ(gilpy::int_cmp_double(Value::small(0), std::numeric_limits<double>::infinity()), -1);
  EXPECT_EQ(gilpy::int_cmp_double(Value::small(0), -std::numeric_limits<double>::infinity()), 1);
  EXPECT_EQ(gilpy::int_cmp_double(Value::small(1), std::nan("")), 2);
}

}  // namespace
