import unittest

from app import respond


class RespondTest(unittest.TestCase):
    def test_health(self):
        self.assertEqual(respond("/healthz"), (200, {"status": "ok"}))

    def test_hello_carries_the_version(self):
        status, body = respond("/")
        self.assertEqual(status, 200)
        self.assertEqual(body["message"], "hello")

    def test_unknown_path(self):
        self.assertEqual(respond("/nope")[0], 404)


if __name__ == "__main__":
    unittest.main()
