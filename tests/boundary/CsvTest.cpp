#include "boundary/util/Csv.hpp"

#include <gtest/gtest.h>

using namespace magtwin;

TEST(Csv, AcceptsBomCrlfCommentsAndTabs) {
    const std::string text = "\xEF\xBB\xBF# comment\r\na\tb\r\n1\t2.5\r\n\r\n3\t\r\n";
    const auto t = CsvTable::parse(text, "x.tsv");
    ASSERT_EQ(t.rowCount(), 2u);
    EXPECT_DOUBLE_EQ(t.number(0, "b"), 2.5);
    EXPECT_FALSE(t.optionalNumber(1, "b"));
    EXPECT_EQ(t.lineNumber(1), 5);
}

TEST(Csv, WrongColumnCountNamesLine) {
    try {
        CsvTable::parse("a,b\n1,2\n3\n", "bad.csv");
        FAIL();
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("bad.csv:3"), std::string::npos) << e.what();
    }
}

TEST(Csv, StrictNumbers) {
    EXPECT_FALSE(parseNumber("1.5x"));
    EXPECT_FALSE(parseNumber("nan"));
    EXPECT_DOUBLE_EQ(*parseNumber(" 2e3 "), 2000.0);
}
