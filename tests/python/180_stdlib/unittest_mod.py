import unittest, io, re
class MathTests(unittest.TestCase):
    def setUp(self): self.v = 10
    def test_add(self): self.assertEqual(self.v + 1, 11)
    def test_fail(self): self.assertEqual(self.v, 11, 'deliberate')
    def test_error(self): raise RuntimeError('boom')
    @unittest.skip('not today')
    def test_skipped(self): pass
    @unittest.expectedFailure
    def test_xfail(self): self.assertTrue(False)
    def test_raises(self):
        with self.assertRaises(ZeroDivisionError):
            1 / 0
        self.assertRaisesRegex(ValueError, 'invalid literal', int, 'x')
    def test_misc(self):
        self.assertIn(1, [1]); self.assertIsNone(None); self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertCountEqual([1, 2], [2, 1]); self.assertIsInstance(1, int); self.assertGreater(2, 1)
    def test_subtests(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertNotEqual(i, 1)
suite = unittest.TestLoader().loadTestsFromTestCase(MathTests)
stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=2).run(suite)
out = re.sub(r'Ran (\d+) tests? in [\d.]+s', r'Ran \1 tests in <time>', stream.getvalue())
print(out)
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped), len(result.expectedFailures), result.wasSuccessful())
